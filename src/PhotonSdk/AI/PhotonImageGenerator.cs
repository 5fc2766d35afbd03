using System.Runtime.InteropServices;
using Microsoft.Extensions.AI;
using PhotonSdk.Results;

namespace PhotonSdk.AI;

/// <summary>
/// <see cref="IImageGenerator"/> over an <see cref="IPhotonClient"/>. The options mapping is documented on
/// <see cref="PhotonImageGeneratorExtensions.AsIImageGenerator"/>.
/// </summary>
internal sealed class PhotonImageGenerator : IImageGenerator
{
    /// <summary>How many predictions of one call run at once; WaveSpeed's lowest account tier allows a handful concurrently.</summary>
    internal const int MaxConcurrentPredictions = 4;

    private const string ProviderName = "wavespeed";

    private readonly IPhotonClient _client;
    private readonly PhotonModel? _defaultModel;
    private readonly ImageGeneratorMetadata _metadata;

    public PhotonImageGenerator(IPhotonClient client, PhotonModel? defaultModel)
    {
        _client = client;
        _defaultModel = defaultModel;
        // A fake client may offer neither; the metadata then says less, never something untrue.
        _metadata = new ImageGeneratorMetadata(
            ProviderName, client.GetService<Rest.WaveSpeedRestClient>()?.ApiRoot, defaultModel?.Id ?? client.GetService<PhotonModel>()?.Id);
    }

    public async Task<ImageGenerationResponse> GenerateAsync(
        ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var plan = ImageGenerationPlan.Create(request, options, this, _defaultModel);
        if (plan.ImageToUpload is { } image)
        {
            var uploaded = await UploadAsync(image, cancellationToken).ConfigureAwait(false);
            plan.Options.InputImage = uploaded.DownloadUrl;
        }

        var results = await GenerateAllAsync(plan, cancellationToken).ConfigureAwait(false);
        return ImageResponseMapper.Map(results);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(ImageGeneratorMetadata)) return _metadata;
        if (serviceType.IsInstanceOfType(this)) return this;
        if (serviceType.IsInstanceOfType(_client)) return _client;
        return null;
    }

    /// <summary>Nothing to release: the client belongs to the caller.</summary>
    public void Dispose()
    {
    }

    private async Task<UploadedMedia> UploadAsync(DataContent image, CancellationToken cancellationToken)
    {
        var bytes = MemoryMarshal.TryGetArray(image.Data, out var segment) ? segment : new ArraySegment<byte>(image.Data.ToArray());
        var fileName = string.IsNullOrWhiteSpace(image.Name) ? "original" + MediaTypes.Extension(image.MediaType) : image.Name;
        var stream = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
        await using (stream.ConfigureAwait(false))
        {
            return await _client.UploadAsync(stream, fileName, image.MediaType, cancellationToken).ConfigureAwait(false);
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2025", Justification = "Task.WhenAll returns only after every run has finished with the gate and the token source.")]
    private async Task<ImageGenerationResult[]> GenerateAllAsync(ImageGenerationPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Count == 1) return [await _client.GenerateAsync(plan.Prompt, plan.Options, cancellationToken).ConfigureAwait(false)];

        using var gate = new SemaphoreSlim(MaxConcurrentPredictions);
        using var stopStarting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runs = new Task<ImageGenerationResult>[plan.Count];
        for (var i = 0; i < runs.Length; i++) runs[i] = GenerateOneAsync(plan, gate, stopStarting, cancellationToken);

        try
        {
            return await Task.WhenAll(runs).ConfigureAwait(false);
        }
        catch
        {
            // Task.WhenAll reports a cancellation of its own; awaiting the run itself rethrows what really happened
            // (a failure first, else the caller's cancellation, which may carry a prediction id).
            await (runs.FirstOrDefault(run => run.IsFaulted) ?? runs.First(run => run.IsCanceled)).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<ImageGenerationResult> GenerateOneAsync(
        ImageGenerationPlan plan, SemaphoreSlim gate, CancellationTokenSource stopStarting, CancellationToken cancellationToken)
    {
        // Only the start is stopped after a sibling fails; a prediction already submitted is billed, so its wait goes on.
        await gate.WaitAsync(stopStarting.Token).ConfigureAwait(false);
        try
        {
            return await _client.GenerateAsync(plan.Prompt, plan.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await stopStarting.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            gate.Release();
        }
    }
}
