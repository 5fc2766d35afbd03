using Microsoft.Extensions.Options;

namespace PhotonSdk.DependencyInjection;

/// <summary>
/// Checks bound options when the host starts, with the same rules and messages as <see cref="PhotonClient"/>'s
/// constructor (which it runs, sending nothing), so that a wrong setting fails at start-up rather than at the first call.
/// </summary>
internal sealed class PhotonClientOptionsValidator : IValidateOptions<PhotonClientOptions>
{
    public ValidateOptionsResult Validate(string? name, PhotonClientOptions options)
    {
        try
        {
            using var http = new HttpClient();
            using var client = new PhotonClient(options, http);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            var section = string.IsNullOrEmpty(name) ? "Photon client options" : $"Photon client '{name}' options";
            return ValidateOptionsResult.Fail($"{section}: {e.Message}");
        }
    }
}
