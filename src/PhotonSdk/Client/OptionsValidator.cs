using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace PhotonSdk;

/// <summary>
/// Checks an options object against the rules declared on it (DataAnnotations attributes on its properties, and
/// <see cref="IValidatableObject"/> for rules across properties), recursing into the option objects it holds
/// (<see cref="ValidateObjectMembersAttribute"/>), and reports every broken rule at once.
/// </summary>
/// <remarks>
/// A failure of a property's attribute reads as the attribute's message, which names the property (<c>{0}</c>), then the
/// value it had; a nested object's failures are prefixed with its path (<c>Polling.</c>). A property that holds a
/// secret carries no attribute, so that its value can never reach a message; its rule belongs in
/// <see cref="IValidatableObject.Validate"/>, whose messages are taken as they are.
/// Properties are checked one by one (<see cref="Validator.TryValidateProperty"/>) rather than with
/// <see cref="Validator.TryValidateObject(object, ValidationContext, ICollection{ValidationResult}?, bool)"/>, which
/// skips <see cref="IValidatableObject"/> as soon as a property fails and so would not report everything at once.
/// This file is compiled into each package that has options to check.
/// </remarks>
internal static class OptionsValidator
{
    /// <summary>Throws one <see cref="ArgumentException"/> that lists every broken rule, if any.</summary>
    /// <param name="options">The options to check.</param>
    /// <param name="paramName">The caller's parameter, for the exception.</param>
    /// <exception cref="ArgumentException">At least one rule is broken.</exception>
    public static void ThrowIfInvalid(object options, string paramName)
    {
        var errors = Validate(options);
        if (errors.Count > 0) throw Invalid(options.GetType().Name, errors, paramName);
    }

    /// <summary>Every broken rule of the options and of the option objects they hold, in declaration order.</summary>
    /// <param name="options">The options to check.</param>
    /// <returns>One message per broken rule; empty when the options are valid.</returns>
    public static List<string> Validate(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Collect(options, string.Empty, errors);
        return errors;
    }

    /// <summary>The exception that lists the broken rules of an options type.</summary>
    /// <param name="typeName">The options type, e.g. <c>PhotonClientOptions</c>.</param>
    /// <param name="errors">The broken rules.</param>
    /// <param name="paramName">The caller's parameter.</param>
    /// <returns>The exception, to throw.</returns>
    public static ArgumentException Invalid(string typeName, IEnumerable<string> errors, string paramName) =>
        new($"Invalid {typeName}: {string.Join("; ", errors)}.", paramName);

    private static void Collect(object options, string path, List<string> errors)
    {
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0) continue;
            var value = property.GetValue(options);
            var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = property.Name };
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateProperty(value, context, results))
            {
                foreach (var result in results) errors.Add(path + result.ErrorMessage + Was(value));
            }
            else if (value is not null && property.IsDefined(typeof(ValidateObjectMembersAttribute)))
            {
                Collect(value, path + property.Name + ".", errors);
            }
        }

        if (options is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(new ValidationContext(options)))
                errors.Add(path + result.ErrorMessage);
        }
    }

    private static string Was(object? value) => value switch
    {
        null => string.Empty,
        string or Uri => $" (was '{value}')",
        TimeSpan span => $" (was {span.ToString("c", CultureInfo.InvariantCulture)})",
        IFormattable formattable => $" (was {formattable.ToString(null, CultureInfo.InvariantCulture)})",
        _ => $" (was {value})",
    };
}
