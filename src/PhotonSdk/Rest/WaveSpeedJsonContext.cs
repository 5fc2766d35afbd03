using System.Text.Json.Serialization;

namespace PhotonSdk.Rest;

/// <summary>
/// JSON metadata written at compile time for the types of every prediction's round trip: each submit operation's
/// request body and the prediction it answers with, which a read answers with too. The generated part names them (the
/// source generator takes them from one declaration only). Built by reflection instead, they cost a process's first
/// submit tens of milliseconds, which a program that makes one image and exits pays every time. The spec's other types
/// are still described by reflection, on first use.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class WaveSpeedJsonContext : JsonSerializerContext;
