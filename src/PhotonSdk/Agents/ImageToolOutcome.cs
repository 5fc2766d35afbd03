namespace PhotonSdk.Agents;

/// <summary>What a call of one of the <see cref="PhotonImageTools"/> came to; the reply's text says the same to a model.</summary>
public enum ImageToolOutcome
{
    /// <summary>The image is ready: the reply carries the result.</summary>
    Ready,

    /// <summary>The prediction was accepted and is still running; <c>get_image_result</c> with the reply's prediction id picks it up.</summary>
    StillRunning,

    /// <summary>An argument was wrong; nothing was sent.</summary>
    InvalidArgument,

    /// <summary>The budget of images or dollars is spent; nothing was sent.</summary>
    OverBudget,

    /// <summary>Content moderation refused the prompt.</summary>
    Moderated,

    /// <summary>The image service is rate-limited; the reply says when to try again.</summary>
    RateLimited,

    /// <summary>There is no prediction with the id given.</summary>
    NotFound,

    /// <summary>The connection failed after the request was sent: the prediction may exist and may be billed.</summary>
    Uncertain,

    /// <summary>The prediction or the request failed for another reason, said in the reply.</summary>
    Failed,

    /// <summary>A reply that is information rather than an image (prices, budget, balance).</summary>
    Information,
}
