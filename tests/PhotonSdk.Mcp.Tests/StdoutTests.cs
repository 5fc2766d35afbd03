using System.Diagnostics;
using System.Text.Json;
using PhotonSdk.Emulator;

namespace PhotonSdk.Mcp.Tests;

/// <summary>stdout of <c>photon mcp</c> carries the protocol and nothing else, read raw, line by line, as a host reads it.</summary>
public sealed class StdoutTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_line_on_stdout_is_a_json_rpc_message(bool keyless)
    {
        await using var emulator = keyless ? null : await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0.05 });
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { PhotonMcpProcess.PhotonDll, "mcp" }) start.ArgumentList.Add(argument);
        start.Environment[PhotonClientOptions.ApiKeyEnvironmentVariable] = keyless ? "" : "test-key";
        start.Environment[PhotonClientOptions.BaseUrlEnvironmentVariable] = emulator?.BaseUrl.ToString() ?? "";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();

        string[] requests =
        [
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""",
            """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
            """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""",
            """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"generate_image","arguments":{"prompt":"A fox"},"_meta":{"progressToken":"p"}}}""",
            """{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"generate_image","arguments":{"prompt":""}}}""",
        ];
        var lines = new List<string>();
        foreach (var request in requests)
        {
            await process.StandardInput.WriteLineAsync(request);
            await process.StandardInput.FlushAsync();
            if (!request.Contains("\"id\"", StringComparison.Ordinal)) continue;
            // Read up to the answer to this request; notifications may come before it.
            var id = JsonDocument.Parse(request).RootElement.GetProperty("id").GetInt32();
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lines.Add(line);
                if (JsonDocument.Parse(line).RootElement.TryGetProperty("id", out var answered) && answered.GetInt32() == id) break;
            }
        }

        process.StandardInput.Close();
        lines.AddRange((await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await process.WaitForExitAsync();

        Assert.True(lines.Count >= 4, string.Join("\n", lines));
        Assert.All(lines, line => Assert.Equal("2.0", JsonDocument.Parse(line).RootElement.GetProperty("jsonrpc").GetString()));
        Assert.Contains(lines, line => line.Contains("Image ready", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("notifications/progress", StringComparison.Ordinal));
        Assert.Equal(keyless, (await stderr).Contains("local WaveSpeed emulator", StringComparison.Ordinal));
    }
}
