using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;
using PhotonSdk.Agents;

namespace PhotonSdk.Mcp.Tests;

/// <summary><c>WithPhotonImageTools</c> as a builder call: what it registers, and that the options are copied when it is made.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void Options_changed_after_registration_change_nothing()
    {
        using var photon = new PhotonClient(new PhotonClientOptions { ApiKey = "test-key", BaseUrl = new Uri("http://127.0.0.1:9/") });
        var options = new PhotonMcpOptions { ImageTools = new PhotonImageToolsOptions { MaxImages = 3 } };
        var services = new ServiceCollection();
        services.AddMcpServer().WithPhotonImageTools(photon, options);

        options.ImageTools.MaxImages = 300;
        using var provider = services.BuildServiceProvider();

        var instructions = provider.GetRequiredService<IOptions<McpServerOptions>>().Value.ServerInstructions;
        Assert.Contains("stops after 3 images", instructions, StringComparison.Ordinal);
        Assert.Equal(["generate_image", "get_image_result", "get_image_budget", "get_balance"], provider.GetServices<McpServerTool>().Select(tool => tool.ProtocolTool.Name));
    }

    [Fact]
    public void Bad_options_fail_at_registration_when_the_client_is_given()
    {
        using var photon = new PhotonClient(new PhotonClientOptions { ApiKey = "test-key", BaseUrl = new Uri("http://127.0.0.1:9/") });
        var services = new ServiceCollection();

        var error = Assert.Throws<ArgumentException>(() => services.AddMcpServer()
            .WithPhotonImageTools(photon, new PhotonMcpOptions { ImageTools = new PhotonImageToolsOptions { MaxImages = -1 } }));

        Assert.Contains("MaxImages must not be negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_client_the_server_says_which_registration_is_missing()
    {
        var services = new ServiceCollection();
        services.AddMcpServer().WithPhotonImageTools();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetServices<McpServerTool>().ToList());

        Assert.Contains("No IPhotonClient is registered: call services.AddPhotonClient(...) or pass a client to WithPhotonImageTools.", error.Message, StringComparison.Ordinal);
    }
}
