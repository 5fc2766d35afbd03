namespace PhotonSdk.Batch;

/// <summary>What a run does with an item, from its journal entry.</summary>
internal enum BatchStep
{
    /// <summary>Nothing to send: an earlier run finished it (saved, completed, or failed); it is reported.</summary>
    Report,

    /// <summary>It has a prediction id: wait on it (or fetch it) and save it.</summary>
    Wait,

    /// <summary>A prediction may exist without an id: look for it in the history.</summary>
    Reconcile,

    /// <summary>Submit it.</summary>
    Submit,
}
