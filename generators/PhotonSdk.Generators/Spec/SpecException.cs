namespace PhotonSdk.Spec;

/// <summary>The spec does not describe a model the way the catalog needs.</summary>
/// <param name="message">What is wrong, starting with the operation it concerns when there is one.</param>
internal sealed class SpecException(string message) : Exception(message);
