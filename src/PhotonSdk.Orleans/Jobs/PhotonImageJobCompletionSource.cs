namespace PhotonSdk.Orleans;

/// <summary>What told a job that its prediction finished.</summary>
public enum PhotonImageJobCompletionSource
{
    /// <summary>Not finished, or finished without a prediction (refused, over budget).</summary>
    None,

    /// <summary>The prediction's signed webhook.</summary>
    Webhook,

    /// <summary>The fallback poll of the prediction, driven by the job's reminder.</summary>
    Poll,
}
