using System.Diagnostics;

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

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "photon-spec-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_operation_added_to_the_spec_is_callable_through_the_client_after_a_rebuild()
    {
        var repo = RepositoryRoot();
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", ".editorconfig" })
            File.Copy(Path.Combine(repo, file), Path.Combine(_scratch, file));
        foreach (var folder in new[] { "openapi", "generators", Path.Combine("src", "PhotonSdk") })
            CopyFolder(Path.Combine(repo, folder), Path.Combine(_scratch, folder));
        // The public API of the scratch build grows by the new operation; approving it is a maintainer's step, not code.
        foreach (var api in Directory.GetFiles(Path.Combine(_scratch, "src", "PhotonSdk"), "PublicAPI.*.txt")) File.Delete(api);

        var spec = Path.Combine(_scratch, "openapi", "wavespeed.yaml");
        var text = await File.ReadAllTextAsync(spec);
        Assert.DoesNotContain("getUsage", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(spec, text
            .Replace("  /balance:\n", ExtraOperation + "  /balance:\n", StringComparison.Ordinal)
            .Replace("\n  schemas:\n", "\n  schemas:\n" + ExtraSchema, StringComparison.Ordinal));

        var consumer = Path.Combine(_scratch, "samples", "Consumer");
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

        var run = await RunAsync(_scratch, "run", "--project", consumer, "-p:PhotonPublicApiGate=false");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("GET /api/v3/account/usage Bearer scratch-key images=42", run.Output, StringComparison.Ordinal);
        Assert.Contains("PhotonAuthenticationException status=401", run.Output, StringComparison.Ordinal);
    }

    public SpecExtensionTests() => Directory.CreateDirectory(_scratch);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the machine.
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PhotonSdk.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("The repository root (PhotonSdk.sln) is not above the test's folder.");
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, directory);
            if (IsBuildOutput(relative)) continue;
            Directory.CreateDirectory(Path.Combine(target, relative));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (IsBuildOutput(relative)) continue;
            File.Copy(file, Path.Combine(target, relative));
        }
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The scratch build did not finish within 8 minutes.");
        }

        return (process.ExitCode, await output + await error);
    }
}
