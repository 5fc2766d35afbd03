using PhotonSdk.Tests.Infrastructure;

namespace PhotonSdk.Tests.Rest;

/// <summary>
/// The generated client is the product for operations the hand-written layer does not wrap: an operation added to
/// the spec is callable after a rebuild, with no hand-written change. Proven on a scratch copy of the build inputs
/// whose spec has one extra operation, and a separate program that calls it through <c>PhotonClient.Rest</c>. The
/// extra operation's schemas are described like the rest of the spec: the generated types are public, and a public
/// member without documentation fails the build.
/// </summary>
public sealed class SpecExtensionTests : IDisposable
{
    private const string ExtraOperation = """
          /account/usage:
            get:
              tags: [account]
              operationId: getUsage
              summary: Get how many images the account made this month
              responses:
                '200':
                  description: The usage.
                  content:
                    application/json:
                      schema:
                        type: object
                        description: The usage, in the envelope.
                        properties:
                          code:
                            type: integer
                            description: Repeats the HTTP status.
                          message:
                            type: string
                            description: A short status text.
                          data:
                            description: The usage.
                            allOf:
                              - $ref: '#/components/schemas/Usage'
                '401':
                  $ref: '#/components/responses/Unauthorized'

        """;

    // An object-typed property refers to a named schema: NJsonSchema gives the class of an inline one no summary.
    private const string ExtraSchema = """
            Usage:
              type: object
              description: How much the account used this month.
              properties:
                images:
                  type: integer
                  description: How many images the account made this month.

        """;

    private const string Consumer = """"
        using System.Net;
        using PhotonSdk;

        var stub = new Stub();
        using var http = new HttpClient(stub);
        using var client = new PhotonClient(new PhotonClientOptions { ApiKey = "scratch-key", BaseUrl = new Uri("http://127.0.0.1:9/") }, http);
        var usage = await client.Rest.GetUsageAsync(CancellationToken.None);
        Console.WriteLine($"{stub.Seen} images={usage.Data!.Images}");
        try
        {
            await client.Rest.GetUsageAsync(CancellationToken.None);
        }
        catch (PhotonException e)
        {
            Console.WriteLine($"{e.GetType().Name} status={e.StatusCode}");
        }

        sealed class Stub : HttpMessageHandler
        {
            private int _calls;

            public string Seen { get; private set; } = "";

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Seen = $"{request.Method} {request.RequestUri!.AbsolutePath} {request.Headers.Authorization}";
                return Task.FromResult(++_calls == 1
                    ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"code":200,"message":"success","data":{"images":42}}""") }
                    : new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("""{"code":401,"message":"invalid key"}""") });
            }
        }
        """";

    private readonly ScratchRepository _repository = new("spec");

    [Fact]
    public async Task An_operation_added_to_the_spec_is_callable_through_the_client_after_a_rebuild()
    {
        var scratch = _repository.Root;
        // The public API of the scratch build grows by the new operation; approving it is a maintainer's step, not code.
        foreach (var api in Directory.GetFiles(Path.Combine(scratch, "src", "PhotonSdk"), "PublicAPI.*.txt")) File.Delete(api);

        var spec = Path.Combine(scratch, "openapi", "wavespeed.yaml");
        var text = await File.ReadAllTextAsync(spec);
        Assert.DoesNotContain("getUsage", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(spec, text
            .Replace("  /balance:\n", ExtraOperation + "  /balance:\n", StringComparison.Ordinal)
            .Replace("\n  schemas:\n", "\n  schemas:\n" + ExtraSchema, StringComparison.Ordinal));

        var consumer = Path.Combine(scratch, "samples", "Consumer");
        Directory.CreateDirectory(consumer);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../../src/PhotonSdk/PhotonSdk.csproj" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), Consumer);

        var run = await ScratchRepository.RunDotnetAsync(scratch, null, "run", "--project", consumer, "-p:PhotonPublicApiGate=false");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("GET /api/v3/account/usage Bearer scratch-key images=42", run.Output, StringComparison.Ordinal);
        Assert.Contains("PhotonAuthenticationException status=401", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _repository.Dispose();
}
