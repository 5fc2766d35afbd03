using System.Runtime.CompilerServices;
using PhotonSdk.Routing;

namespace PhotonSdk.Batch;

/// <summary>
/// A durable, resumable, budget-capped batch of images: items (a key, a prompt, per-item choices) in, one result per
/// item out as each finishes. Open it with <see cref="OpenAsync"/>, which checks every item, opens the journal and tells
/// what an earlier run left (<see cref="Plan"/>); then <see cref="RunAsync"/> submits what is left, paced to the account's
/// rate, within the spending cap, and records every item's state in the journal before the act that depends on it.
/// </summary>
/// <remarks>
/// <para>
/// Opened again on the same journal, a batch resumes: items saved (or completed) by an earlier run are reported and
/// skipped; items with a prediction id are waited on or fetched by that id and never submitted again; items cut off
/// between "about to submit" and "submitted", or whose submit's answer was lost, are looked for in the prediction
/// history and otherwise reported as uncertain and left alone (<see cref="PhotonBatchOptions.ResubmitUncertain"/>).
/// </para>
/// <para>
/// Cancelling a run stops new submits and every wait; a submit already sent gets
/// <see cref="PhotonBatchOptions.SubmitGracePeriod"/> to answer so that its id is recorded. Items in flight end as
/// <see cref="PhotonBatchOutcome.Cancelled"/> with their prediction ids, and the run then ends with an
/// <see cref="OperationCanceledException"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var batch = await PhotonBatch.OpenAsync(client, items, new PhotonBatchOptions { Tier = PhotonAccountTier.Gold, MaxCostUsd = 5m, Journal = journal });
/// Console.WriteLine($"resuming: {batch.Plan}");
/// await foreach (var result in batch.RunAsync(cancellationToken))
///     Console.WriteLine($"{result.Key}: {result.Outcome} {result.PredictionId}");
/// </code>
/// </example>
public sealed class PhotonBatch
{
    private readonly IPhotonClient _client;
    private readonly PhotonBatchOptions _options;
    private readonly IReadOnlyList<PlannedItem> _items;
    private int _ran;
    private BatchRun? _run;

    private PhotonBatch(IPhotonClient client, PhotonBatchOptions options, IReadOnlyList<PlannedItem> items, PhotonBatchDescriptor descriptor, IPhotonBatchJournal journal)
    {
        _client = client;
        _options = options;
        _items = items;
        Descriptor = descriptor;
        Journal = journal;
        Plan = PlanOf(items, options);
    }

    /// <summary>The batch's identity, as its journal records it.</summary>
    public PhotonBatchDescriptor Descriptor { get; }

    /// <summary>What the journal held when the batch was opened, and so what a run will do.</summary>
    public PhotonBatchPlan Plan { get; }

    /// <summary>The journal the batch records to.</summary>
    public IPhotonBatchJournal Journal { get; }

    /// <summary>How many items are in flight now (being submitted, waited on or saved): 0 before and after a run. For progress displays.</summary>
    public int InFlight => Volatile.Read(ref _run)?.InFlight ?? 0;

    /// <summary>
    /// Checks the items and options, routes each item to its model, and opens the journal for this batch. Sends nothing.
    /// </summary>
    /// <param name="client">The client that submits and waits; the batch does not dispose it.</param>
    /// <param name="items">The items, in the order they are to be submitted; keys must be unique.</param>
    /// <param name="options">Pace, concurrency, cap, journal and save hook; the defaults when <see langword="null"/>. Copied here.</param>
    /// <param name="cancellationToken">Stops the opening.</param>
    /// <returns>The batch, ready to run.</returns>
    /// <exception cref="ArgumentException">An item or option is invalid (an unknown model, a duplicate key); the message names it.</exception>
    /// <exception cref="PhotonBatchJournalException">The journal cannot be used for this batch (corrupt, foreign, of another batch, in use).</exception>
    public static async Task<PhotonBatch> OpenAsync(
        IPhotonClient client, IEnumerable<PhotonBatchItem> items, PhotonBatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(items);
        options = options?.Clone() ?? new PhotonBatchOptions();
        options.Validate(nameof(options));

        var defaultModel = client.GetService(typeof(PhotonModel)) as PhotonModel ?? PhotonModels.PhotonFlash;
        var planned = new List<PlannedItem>();
        var byKey = new Dictionary<string, PlannedItem>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is null) throw new ArgumentException($"Item {planned.Count + 1} is null.", nameof(items));
            var model = Route(item, defaultModel, nameof(items));
            var plannedItem = new PlannedItem(item, model);
            if (!byKey.TryAdd(item.Key, plannedItem)) throw new ArgumentException($"Two items have the key '{item.Key}'; each key must be unique.", nameof(items));
            planned.Add(plannedItem);
        }

        var descriptor = BatchIdentity.Of(planned);
        var journal = options.Journal ?? new InMemoryBatchJournal();
        var entries = await journal.OpenAsync(descriptor, cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            if (byKey.TryGetValue(entry.Key, out var known)) known.Entry = entry.ModelId is null ? entry with { ModelId = known.Model.Id } : entry;
        }

        return new PhotonBatch(client, options, planned, descriptor, journal);
    }

    /// <summary>
    /// Runs the batch: reports what earlier runs finished, looks for the predictions of uncertain items in the history,
    /// waits on the ids the journal holds, and submits the rest, paced and within the cap. Yields one result per item as
    /// it finishes (items not started when the run is cancelled or stopped yield none; the journal keeps them pending).
    /// A batch runs once; open it again to resume.
    /// </summary>
    /// <param name="cancellationToken">Stops new submits and every wait (see the remarks of <see cref="PhotonBatch"/>).</param>
    /// <returns>The results, as items finish.</returns>
    /// <exception cref="InvalidOperationException">The batch has already run.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled; the items in flight were reported first.</exception>
    /// <exception cref="PhotonBatchJournalException">The journal could not be written; the items in flight were reported first, with their ids.</exception>
    /// <exception cref="PhotonAuthenticationException">The API key was refused; nothing more was submitted.</exception>
    public async IAsyncEnumerable<PhotonBatchResult> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _ran, 1) == 1) throw new InvalidOperationException("This batch has already run; open it again to resume it.");
        var run = new BatchRun(_client, _options, _items, Journal, cancellationToken);
        await using (run.ConfigureAwait(false))
        {
            Volatile.Write(ref _run, run);
            run.Start();
            await foreach (var result in run.Results.ConfigureAwait(false)) yield return result;
            await run.Completion.ConfigureAwait(false);
        }
    }

    private static PhotonModel Route(PhotonBatchItem item, PhotonModel defaultModel, string paramName)
    {
        try
        {
            var model = ModelRouter.Route(item.Model, item.Quality, defaultModel, item.InputImage is not null, paramName);
            RequestValidator.ValidateOptions(new GenerationOptions { InputImage = item.InputImage }, model, paramName);
            return model;
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Item '{item.Key}': {e.Message.Replace($" (Parameter '{paramName}')", "", StringComparison.Ordinal)}", paramName, e);
        }
    }

    private static PhotonBatchPlan PlanOf(IReadOnlyList<PlannedItem> items, PhotonBatchOptions options)
    {
        int done = 0, failed = 0, waiting = 0, uncertain = 0, toGo = 0;
        decimal spent = 0, costToGo = 0;
        foreach (var item in items)
        {
            spent += item.Entry.SpentUsd;
            switch (BatchRun.StepOf(item.Entry, options))
            {
                case BatchStep.Report when item.Entry.State == PhotonBatchItemState.Failed: failed++; break;
                case BatchStep.Report: done++; break;
                case BatchStep.Wait: waiting++; break;
                case BatchStep.Reconcile:
                    uncertain++;
                    if (options.ResubmitUncertain) costToGo += item.Model.PricePerImageUsd;
                    break;
                default:
                    toGo++;
                    costToGo += item.Model.PricePerImageUsd;
                    break;
            }
        }

        return new PhotonBatchPlan(items.Count, done, failed, waiting, uncertain, toGo, spent, costToGo);
    }
}
