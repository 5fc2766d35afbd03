namespace PhotonSdk.Generators;

/// <summary>The spec does not describe a model the way the catalog needs.</summary>
internal sealed class SpecException(string message) : Exception(message);
