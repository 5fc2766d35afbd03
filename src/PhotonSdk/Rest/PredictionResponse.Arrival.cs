using System.Text.Json.Serialization;

namespace PhotonSdk.Rest;

/// <summary>The hand-written half of the generated <see cref="PredictionResponse"/>.</summary>
public partial class PredictionResponse
{
    /// <summary>
    /// When this answer's headers arrived, on the client's <see cref="TimeProvider"/>; 0 for an answer the SDK's policy
    /// did not read. A prediction's expected completion is timed from its submit's arrival, not from the end of this
    /// client's own work on it, which in a fresh process takes tens of milliseconds the server does not wait for.
    /// </summary>
    [JsonIgnore]
    internal long ArrivedTimestamp { get; set; }
}
