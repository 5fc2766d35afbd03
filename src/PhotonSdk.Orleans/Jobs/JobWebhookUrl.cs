namespace PhotonSdk.Orleans.Jobs;

/// <summary>The webhook URL a job's submit carries: the cluster's endpoint with <c>job=&lt;id&gt;</c> added to its query.</summary>
internal static class JobWebhookUrl
{
    /// <summary>The query parameter that names the job.</summary>
    public const string JobParameter = "job";

    public static Uri For(Uri endpoint, string jobId)
    {
        var builder = new UriBuilder(endpoint);
        var query = builder.Query.TrimStart('?');
        builder.Query = (query.Length == 0 ? "" : query + "&") + JobParameter + "=" + Uri.EscapeDataString(jobId);
        return builder.Uri;
    }
}
