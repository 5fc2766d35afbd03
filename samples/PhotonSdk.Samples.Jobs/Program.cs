// One node of an image-job cluster. Every node is a silo and a web server: it receives WaveSpeed's webhooks (and hands
// each to its job, wherever that lives) and serves a small front end that starts jobs and shows them.
//
//   dotnet run -- --Jobs:Redis 127.0.0.1:6379 \
//                 --Jobs:SiloPort 11111 --Jobs:GatewayPort 30000 --urls http://127.0.0.1:5101 \
//                 --Jobs:WebhookUrl http://127.0.0.1:5101/photon/webhooks --Photon:BaseUrl http://127.0.0.1:5100/ --Photon:ApiKey local
//
// run.sh beside this file starts Redis, the emulator and two nodes on loopback, then sends a few jobs.
using System.Net;
using System.Text.Json.Serialization;
using Orleans.Configuration;
using StackExchange.Redis;
using PhotonSdk.Batch;
using PhotonSdk.Orleans;

var builder = WebApplication.CreateBuilder(args);
var jobs = builder.Configuration.GetSection("Jobs");
// Clustering, grain state and reminders all in one Redis; run it with an append-only file (run.sh does) so that a
// job's state survives a restart of Redis too.
var redis = ConfigurationOptions.Parse(jobs["Redis"] ?? throw new InvalidOperationException("Set Jobs:Redis to the Redis server's address, e.g. 127.0.0.1:6379."));

builder.UseOrleans(silo =>
{
    silo.Configure<ClusterOptions>(o => { o.ClusterId = "photon-jobs"; o.ServiceId = "photon-jobs"; });
    silo.ConfigureEndpoints(IPAddress.Loopback, jobs.GetValue("SiloPort", 11111), jobs.GetValue("GatewayPort", 30000));
    silo.UseRedisClustering(o => o.ConfigurationOptions = redis);
    silo.AddRedisGrainStorage(PhotonImageJobOptions.StorageName, o => o.ConfigurationOptions = redis);
    silo.UseRedisReminderService(o => o.ConfigurationOptions = redis);
    silo.AddPhotonImageJobs(o =>
    {
        o.WebhookUrl = new Uri(jobs["WebhookUrl"] ?? throw new InvalidOperationException("Set Jobs:WebhookUrl."));
        o.Tier = PhotonAccountTier.TryFind(jobs["Tier"] ?? "Silver", out var tier) ? tier : PhotonAccountTier.Silver;
        o.MaxCostUsd = jobs.GetValue<decimal?>("MaxCostUsd") ?? 5m;
    });
});

builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddPhotonClient(builder.Configuration.GetSection("Photon"));
builder.Services.AddPhotonImageJobWebhooks();   // the signing secret is fetched through the client
var app = builder.Build();

app.MapPhotonWebhooks("/photon/webhooks");
app.MapPost("/jobs", async (JobInput input, IGrainFactory grains) =>
    Results.Ok(await grains.GetImageJob(input.Id).StartAsync(new PhotonImageJobRequest(input.Prompt, input.Model))));
app.MapGet("/jobs/{id}", async (string id, bool? wait, IGrainFactory grains, CancellationToken cancellationToken) =>
    Results.Ok(wait == true ? await grains.WaitForImageJobAsync(id, cancellationToken) : await grains.GetImageJob(id).GetAsync()));
app.MapGet("/", () => Results.Content(Page.Html, "text/html"));
app.Run();

internal sealed record JobInput(string Id, string Prompt, string? Model = null);

internal static class Page
{
    public const string Html = """
        <!doctype html><meta charset="utf-8"><title>Photon jobs</title>
        <style>body{font:15px system-ui;margin:2em;max-width:60em} img{width:160px;border-radius:6px} td{padding:4px 8px;vertical-align:top}</style>
        <h1>Photon jobs</h1>
        <form id="f">Job id <input name="id" required> Prompt <input name="prompt" size="40" required> <button>Start</button></form>
        <table id="t"><tr><th>job</th><th>status</th><th>prediction</th><th>image</th></tr></table>
        <script>
        const ids = JSON.parse(localStorage.getItem('jobs') || '[]');
        document.getElementById('f').onsubmit = async e => {
          e.preventDefault();
          const d = Object.fromEntries(new FormData(e.target));
          await fetch('/jobs', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(d)});
          if (!ids.includes(d.id)) { ids.unshift(d.id); localStorage.setItem('jobs', JSON.stringify(ids)); }
          show();
        };
        async function show() {
          const rows = await Promise.all(ids.map(id => fetch('/jobs/' + encodeURIComponent(id)).then(r => r.json())));
          document.getElementById('t').innerHTML = '<tr><th>job</th><th>status</th><th>prediction</th><th>image</th></tr>' + rows.map(j =>
            `<tr><td>${j.jobId}</td><td>${j.status}${j.completedBy !== 'None' ? ' (' + j.completedBy.toLowerCase() + ')' : ''}</td>` +
            `<td>${j.predictionId ?? ''}</td><td>${(j.outputs || []).map(u => `<img src="${u}">`).join('')}</td></tr>`).join('');
        }
        show(); setInterval(show, 2000);
        </script>
        """;
}
