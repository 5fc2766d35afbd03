using System.Collections.Concurrent;

namespace PhotonSdk.Testing.Fakes;

/// <summary>One call to <see cref="IPhotonClient.GenerateAsync"/>, as the fake saw it.</summary>
public sealed record GenerateCall(int Number, string Prompt, GenerationOptions? Options);

/// <summary>One call to <see cref="IPhotonClient.UploadAsync"/>, with the bytes that would have been sent.</summary>
public sealed record UploadCall(byte[] Content, string FileName, string? ContentType);

/// <summary>
/// An <see cref="IPhotonClient"/> that sends nothing: it records every call and answers with canned results or the
/// exceptions it is given, so that tests can count what would have gone over the wire.
/// </summary>
public sealed class FakePhotonClient : IPhotonClient, IDisposable
{
    private readonly ConcurrentQueue<GenerateCall> _generateCalls = new();
    private readonly ConcurrentQueue<UploadCall> _uploads = new();
    private readonly ConcurrentQueue<string> _waits = new();
    private readonly ConcurrentQueue<PredictionHandle> _waitedHandles = new();
    private int _generateNumber;
    private int _otherCalls;

    /// <summary>Answers a generate call; by default a URL image from the model the call asked for.</summary>
    public Func<GenerateCall, CancellationToken, Task<ImageGenerationResult>> OnGenerate { get; set; } =
        (call, _) => Task.FromResult(CannedResults.For(call));

    /// <summary>Answers a wait on a rehydrated prediction; by default a completed Photon Flash image.</summary>
    public Func<PredictionHandle, TimeSpan?, CancellationToken, Task<ImageGenerationResult>> OnWait { get; set; } =
        (handle, _, _) => Task.FromResult(CannedResults.Url(handle.Id, PhotonModels.PhotonFlash));

    /// <summary>Answers a balance read; by default none is expected and the call fails.</summary>
    public Func<CancellationToken, Task<decimal>>? OnGetBalance { get; set; }

    /// <summary>The download URL an upload is given.</summary>
    public Uri UploadUrl { get; set; } = new("https://cdn.example/uploads/original.png");

    public IReadOnlyList<GenerateCall> GenerateCalls => _generateCalls.ToList();

    public IReadOnlyList<UploadCall> Uploads => _uploads.ToList();

    /// <summary>The ids of the predictions waited for.</summary>
    public IReadOnlyList<string> Waits => _waits.ToList();

    /// <summary>The handles waited on, as the code under test passed them (made by this fake or by GetPrediction over it).</summary>
    public IReadOnlyList<PredictionHandle> WaitedHandles => _waitedHandles.ToList();

    /// <summary>Every call that would have sent a request.</summary>
    public int SentCount => _generateCalls.Count + _uploads.Count + _waits.Count + Volatile.Read(ref _otherCalls);

    public Task<ImageGenerationResult> GenerateAsync(string prompt, GenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = new GenerateCall(Interlocked.Increment(ref _generateNumber), prompt, options);
        _generateCalls.Enqueue(call);
        return OnGenerate(call, cancellationToken);
    }

    public Task<ImageGenerationResult> WaitForCompletionAsync(PredictionHandle prediction, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        _waits.Enqueue(prediction.Id);
        _waitedHandles.Enqueue(prediction);
        return OnWait(prediction, timeout, cancellationToken);
    }

    public Task<PredictionStatus> UpdateStatusAsync(PredictionHandle prediction, CancellationToken cancellationToken = default) =>
        Unexpected<PredictionStatus>();

    public Task<string?> DownloadAsync(GeneratedImage image, Stream destination, CancellationToken cancellationToken = default) =>
        Unexpected<string?>();

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public async Task<UploadedMedia> UploadAsync(Stream content, string fileName, string? contentType = null, CancellationToken cancellationToken = default)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        _uploads.Enqueue(new UploadCall(copy.ToArray(), fileName, contentType));
        return PhotonModelFactory.UploadedMedia(UploadUrl, fileName, copy.Length, "image");
    }

    public Task<PredictionHandle> SubmitAsync(string prompt, GenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Unexpected<PredictionHandle>();

    public Task<decimal> GetBalanceAsync(CancellationToken cancellationToken = default)
    {
        if (OnGetBalance is null) return Unexpected<decimal>();
        Interlocked.Increment(ref _otherCalls);
        return OnGetBalance(cancellationToken);
    }

    public Task<PredictionHistoryPage> GetHistoryAsync(PredictionHistoryQuery? query = null, CancellationToken cancellationToken = default) =>
        Unexpected<PredictionHistoryPage>();

    public Task<int> DeletePredictionsAsync(IEnumerable<string> predictionIds, CancellationToken cancellationToken = default) => Unexpected<int>();

    public void Dispose()
    {
    }

    private Task<T> Unexpected<T>()
    {
        Interlocked.Increment(ref _otherCalls);
        return Task.FromException<T>(new NotSupportedException("The code under test is not expected to make this call."));
    }
}
