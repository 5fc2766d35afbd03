using System.ComponentModel.DataAnnotations;

namespace PhotonSdk;

/// <summary>A model id, name or alias that the catalog (<see cref="PhotonModels"/>) knows.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class KnownModelAttribute : ValidationAttribute
{
    public KnownModelAttribute()
        : base(() => $"{{0}} must be a catalog model's id, name or alias: {string.Join(", ", PhotonModels.All.Select(m => m.Id))}, {PhotonModels.DraftAlias} or {PhotonModels.FinalAlias}")
    {
    }

    public override bool IsValid(object? value) => value is string idOrAlias && PhotonModels.TryFind(idOrAlias, out _);
}
