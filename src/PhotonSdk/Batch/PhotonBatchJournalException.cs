namespace PhotonSdk.Batch;

/// <summary>
/// A batch journal cannot be used: it is corrupt, foreign, of another batch, in use elsewhere, or cannot be written.
/// Opening never starts over silently; a write that fails stops the batch, whose results still carry every prediction
/// id learned.
/// </summary>
public sealed class PhotonBatchJournalException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong.</param>
    /// <param name="location">The journal's file or name, so that the message can say which one.</param>
    /// <param name="message">What is wrong and what to do about it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public PhotonBatchJournalException(PhotonBatchJournalProblem problem, string location, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
        Location = location;
    }

    /// <summary>What is wrong.</summary>
    public PhotonBatchJournalProblem Problem { get; }

    /// <summary>The journal's file (a path) or name.</summary>
    public string Location { get; }
}
