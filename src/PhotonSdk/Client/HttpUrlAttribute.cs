using System.ComponentModel.DataAnnotations;

namespace PhotonSdk;

/// <summary>A <see cref="Uri"/> that, when set, must be an absolute http(s) URL.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class HttpUrlAttribute() : ValidationAttribute("{0} must be an absolute http(s) URL")
{
    public override bool IsValid(object? value) => value is null || (value is Uri url && RequestValidator.IsHttpUrl(url));
}
