using System.Text.RegularExpressions;
using PhotonSdk.Emulator;
using PhotonSdk.Tests.Infrastructure;

namespace PhotonSdk.Tests.Docs;

/// <summary>
/// The README's quick start, pasted as it is into a new console project outside the repository (so none of the
/// repository's build settings apply), built with the real <c>dotnet</c> and run against the emulator, as the README
/// says to run it without a key.
/// </summary>
public sealed partial class QuickStartTests : IDisposable
{
    private readonly ScratchRepository _repository = new("quickstart");

    [Fact]
    public async Task The_quick_start_compiles_in_a_new_console_project_and_makes_both_images()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(ScratchRepository.RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("## Quick start", StringComparison.Ordinal)..];
        var program = CSharpBlock().Match(section).Groups["code"].Value;
        var project = Path.Combine(Path.GetTempPath(), $"photon-quickstart-app-{Guid.NewGuid():N}");
        Directory.CreateDirectory(project);
        try
        {
            // What `dotnet new console` writes, plus the reference to the SDK.
            await File.WriteAllTextAsync(Path.Combine(project, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{_repository.SdkProject}" />
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), program);
            await using var emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0.05 });

            var run = await ScratchRepository.RunDotnetAsync(
                project,
                new Dictionary<string, string> { ["WAVESPEED_API_KEY"] = "any", ["WAVESPEED_BASE_URL"] = emulator.BaseUrl.ToString() },
                "run", "-p:PhotonPublicApiGate=false");

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Matches(@"luma/photon-flash: 0\.005 USD, [0-9.]+ s, .*photon-output/\w+\.png", run.Output);
            Assert.Matches(@"luma/photon: 0\.015 USD, [0-9.]+ s, .*photon-output/\w+\.png", run.Output);
            Assert.Equal(2, Directory.GetFiles(Path.Combine(project, "photon-output"), "*.png").Length);
            Assert.Equal(2, emulator.PredictionsCreated);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    public void Dispose() => _repository.Dispose();

    [GeneratedRegex("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
