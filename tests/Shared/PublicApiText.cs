using System.Reflection;
using PublicApiGenerator;

namespace PhotonSdk.Testing;

/// <summary>A package's public API as lines of text, for a snapshot that shows any change of the surface in review.</summary>
public static class PublicApiText
{
    public static List<string> Of(Assembly assembly, params string[] allowNamespacePrefixes) =>
        assembly.GeneratePublicApi(new ApiGeneratorOptions
            {
                AllowNamespacePrefixes = allowNamespacePrefixes,
                ExcludeAttributes =
                [
                    "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
                    "System.Reflection.AssemblyMetadataAttribute",
                    "System.Runtime.Versioning.TargetFrameworkAttribute",
                ],
            })
            .Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0)
            .ToList();
}
