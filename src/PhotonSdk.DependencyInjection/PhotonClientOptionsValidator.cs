using Microsoft.Extensions.Options;

namespace PhotonSdk.DependencyInjection;

/// <summary>
/// Checks bound options when the host starts with <see cref="PhotonClientOptions.Validate()"/>, the check
/// <see cref="PhotonClient"/>'s constructor runs, so that a wrong setting fails at start-up, with the same message,
/// rather than at the first call.
/// </summary>
internal sealed class PhotonClientOptionsValidator : IValidateOptions<PhotonClientOptions>
{
    public ValidateOptionsResult Validate(string? name, PhotonClientOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            var section = string.IsNullOrEmpty(name) ? "Photon client options" : $"Photon client '{name}' options";
            return ValidateOptionsResult.Fail($"{section}: {e.Message}");
        }
    }
}
