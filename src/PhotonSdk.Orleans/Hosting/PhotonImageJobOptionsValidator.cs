namespace PhotonSdk.Orleans;

/// <summary>Checks <see cref="PhotonImageJobOptions"/> when the silo starts.</summary>
internal sealed class PhotonImageJobOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<PhotonImageJobOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, PhotonImageJobOptions options)
    {
        try
        {
            options.Validate();
            return Microsoft.Extensions.Options.ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return Microsoft.Extensions.Options.ValidateOptionsResult.Fail(e.Message);
        }
    }
}
