namespace PhotonSdk.Emulator.Faults;

/// <summary>The faults drawn for one API request.</summary>
/// <param name="ServerError">Answer with the configured 5xx status.</param>
/// <param name="RateLimited">Answer 429 with the configured Retry-After.</param>
/// <param name="Slow">Delay the request by the configured extra time first.</param>
/// <param name="ConnectionReset">Handle the request, then drop the connection without an answer.</param>
internal readonly record struct RequestFaults(bool ServerError, bool Slow, bool RateLimited, bool ConnectionReset = false);
