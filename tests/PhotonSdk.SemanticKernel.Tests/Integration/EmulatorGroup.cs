namespace PhotonSdk.SemanticKernel.Tests.Integration;

/// <summary>The end-to-end test classes share one emulator.</summary>
[CollectionDefinition(Name)]
public sealed class EmulatorGroup : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "emulator";
}
