using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhotonSdk.Cli.Output;

/// <summary>The JSON the tool prints: camelCase names, compact, source-generated.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false)]
[JsonSerializable(typeof(SavedImage))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
