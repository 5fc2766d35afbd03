using System.ComponentModel.DataAnnotations;

namespace PhotonSdk;

/// <summary>Marks a property whose option object is checked too, its failures prefixed with the property's name.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class ValidateObjectMembersAttribute : Attribute;

/// <summary>A number or a <see cref="TimeSpan"/> that must be greater than zero.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class PositiveAttribute() : ValidationAttribute("{0} must be positive")
{
    public override bool IsValid(object? value) => OptionValues.Sign(value) is null or > 0;
}

/// <summary>A number or a <see cref="TimeSpan"/> that must not be less than zero.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class NotNegativeAttribute() : ValidationAttribute("{0} must not be negative")
{
    public override bool IsValid(object? value) => OptionValues.Sign(value) is null or >= 0;
}

internal static class OptionValues
{
    /// <summary>The sign of a number or a <see cref="TimeSpan"/>: -1, 0 or 1; <see langword="null"/> for no value; -1 for NaN.</summary>
    public static int? Sign(object? value) => value switch
    {
        null => null,
        int number => Math.Sign(number),
        long number => Math.Sign(number),
        decimal number => Math.Sign(number),
        double number => double.IsNaN(number) ? -1 : Math.Sign(number),
        TimeSpan span => span.CompareTo(TimeSpan.Zero),
        _ => throw new ArgumentException($"A sign rule does not apply to {value.GetType().Name}.", nameof(value)),
    };
}
