using PhotonSdk.Tests.Infrastructure;
using WireMock.ResponseBuilders;
using static PhotonSdk.Tests.FaultMatrix.FaultKit;

namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>
/// The rule the matrix serves: under no injected fault is an ambiguous submit sent twice. A submit may reach the server
/// more than once only when the fault proved that the server did not take it (HTTP 429, a refused connection, a name
/// that does not resolve). Checked over every submit-side case of the matrix, then over every error status and broken
/// answer a submit can meet.
/// </summary>
public sealed class AmbiguousSubmitProperty
{
    private static IEnumerable<FaultCase> SubmitSideCases =>
        SubmitFaults.Cases.Concat(SyncModeFaults.Cases).Concat(CancellationFaults.Cases).Concat(WebhookFaults.Cases)
            .Where(fault => fault.Stage is FaultStage.Submit or FaultStage.SyncMode or FaultStage.Webhook);

    [Fact]
    public async Task No_fault_of_the_matrix_sends_an_ambiguous_submit_twice()
    {
        var violations = new List<string>();
        var resent = new List<string>();
        foreach (var fault in SubmitSideCases)
        {
            await using var rig = new FaultRig();
            await Task.Run(() => FaultRunner.RunAsync(fault, rig));
            var submits = rig.Posts;
            if (submits > 1 && !fault.SubmitProvablyNotTaken) violations.Add($"{fault.Id}: {submits} submits");
            if (fault.SubmitProvablyNotTaken) resent.Add(fault.Id);
        }

        Assert.Empty(violations);
        // The property would hold vacuously if nothing were ever sent again; the 429s and refused connections are.
        Assert.Contains("submit: 429 that persists", resent);
        Assert.Contains("submit: connection refused", resent);
        Assert.True(SubmitSideCases.Count() >= 25, $"Only {SubmitSideCases.Count()} submit-side cases ran.");
    }

    [Fact]
    public async Task No_error_status_or_broken_answer_sends_a_submit_twice()
    {
        var answers = new List<(string Fault, IResponseBuilder Answer, bool ProvablyNotTaken)>();
        for (var status = 400; status <= 599; status++)
        {
            answers.Add(($"HTTP {status} with a JSON error", Json(PredictionJson.Error(status, "refused"), status), status == 429));
            answers.Add(($"HTTP {status} with an HTML page", Html($"<html><body>{status}</body></html>", status), status == 429));
            answers.Add(($"HTTP 200 whose envelope says {status}", Json(Envelope("created", envelopeCode: status)), false));
        }

        answers.Add(("HTTP 200 with an empty body", Response.Create().WithFault(FaultType.EMPTY_RESPONSE), false));
        answers.Add(("HTTP 200, then garbage", Response.Create().WithFault(FaultType.MALFORMED_RESPONSE_CHUNK), false));
        answers.Add(("HTTP 200 with a JSON null body", Json("null"), false));
        answers.Add(("HTTP 200 with truncated JSON", Json("""{"code":200,"data":{"id":"5e2b"""), false));

        var violations = new List<string>();
        var resent = 0;
        await using var rig = new FaultRig();
        foreach (var (name, answer, provablyNotTaken) in answers)
        {
            var fault = new FaultCase(FaultStage.Submit, name)
            {
                Arrange = Given(r =>
                {
                    r.Api.Reset();
                    r.Api.Answer(SubmitRequest, answer);
                }),
                Act = Submit(),
                // Only the number of submits is judged here; each outcome has its own row in the matrix.
                Expect = Outcome.Returns(),
                Seconds = (0, double.MaxValue),
            };
            await Task.Run(() => FaultRunner.RunAsync(fault, rig));
            var submits = rig.Api.LogEntries.Count(e => e.RequestMessage!.Method == "POST");
            if (submits > 1 && !provablyNotTaken) violations.Add($"{name}: {submits} submits");
            if (submits > 1) resent++;
        }

        Assert.Empty(violations);
        // Of all these answers only the 429s (two bodies) are sent again, each up to the retry limit.
        Assert.Equal(2, resent);
    }
}
