using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Snapshooter.Xunit;

namespace PhotonSdk.SemanticKernel.Tests;

/// <summary>
/// The plugin's functions as a model sees them: names, descriptions and the JSON schema of their parameters (required
/// flags, defaults). A change to any of them shows up as a snapshot diff in review.
/// </summary>
public sealed class PluginContractTests
{
    [Fact]
    public void The_functions_a_model_sees()
    {
        using var harness = new PluginHarness();

        var contract = harness.Plugin
            .OrderBy(function => function.Name, StringComparer.Ordinal)
            .Select(function => Project(harness.Plugin.Name, function))
            .ToList();

        Snapshot.Match(contract);
    }

    [Fact]
    public void The_functions_are_m_e_ai_tools_with_the_same_metadata()
    {
        using var harness = new PluginHarness();

        foreach (var function in harness.Plugin)
        {
            AIFunction tool = function;
            Assert.EndsWith(function.Name, tool.Name, StringComparison.Ordinal);
            Assert.Equal(function.Description, tool.Description);
        }
    }

    // What a model is sent: the tool's name, description and JSON schema of its parameters.
    private static object Project(string pluginName, KernelFunction function)
    {
        AIFunction tool = function;
        return new { Plugin = pluginName, function.Name, ToolName = tool.Name, tool.Description, Schema = Newtonsoft.Json.Linq.JToken.Parse(tool.JsonSchema.GetRawText()) };
    }
}
