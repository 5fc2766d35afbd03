using Microsoft.Extensions.AI;
using Snapshooter.Xunit;

namespace PhotonSdk.Tests.Agents;

/// <summary>
/// The functions as a model sees them in every host: names, descriptions and the JSON schema of their parameters
/// (required flags, defaults). A change to any of them shows up as a snapshot diff in review.
/// </summary>
public sealed class AIFunctionContractTests
{
    [Fact]
    public void The_functions_a_model_sees()
    {
        using var harness = new ToolsHarness();

        var contract = harness.Tools.AsAIFunctions()
            .Select(function => new
            {
                function.Name,
                function.Description,
                Schema = Newtonsoft.Json.Linq.JToken.Parse(function.JsonSchema.GetRawText()),
                ReturnSchema = function.ReturnJsonSchema?.GetRawText(),
            })
            .ToList();

        Snapshot.Match(contract);
    }
}
