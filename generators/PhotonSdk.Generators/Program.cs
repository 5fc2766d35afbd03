using PhotonSdk.Generators;
using PhotonSdk.Spec;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: PhotonSdk.Generators <openapi spec (yaml)> <output .cs file>");
    return 2;
}

try
{
    var models = ModelSpecReader.Read(File.ReadAllText(args[0]));
    var code = CatalogWriter.Write(models);
    var output = args[1];
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    if (!File.Exists(output) || File.ReadAllText(output) != code)
    {
        File.WriteAllText(output, code);
    }

    Console.WriteLine($"PhotonSdk.Generators: {models.Count} models from {args[0]}");
    return 0;
}
catch (SpecException e)
{
    // MSBuild shows "file: error CODE: message" lines as build errors that point at the spec.
    Console.Error.WriteLine($"{args[0]}: error PHOTON001: {e.Message}");
    return 1;
}
