namespace PhotonSdk.Batch;

/// <summary>Why a batch journal cannot be used (<see cref="PhotonBatchJournalException.Problem"/>).</summary>
public enum PhotonBatchJournalProblem
{
    /// <summary>The file is damaged or is not a database at all.</summary>
    Corrupt,

    /// <summary>The file is a database, but not a batch journal (or one of a version this SDK does not read).</summary>
    Foreign,

    /// <summary>The journal belongs to another batch: other items, prompts or models.</summary>
    OtherBatch,

    /// <summary>Another process or connection has the journal open.</summary>
    InUse,

    /// <summary>The journal could not be written: the disk is full, the file is read-only, or the like.</summary>
    Unwritable,
}
