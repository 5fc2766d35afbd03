namespace PhotonSdk.Predictions;

/// <summary>What a submit sends, whatever the model's request schema; the generated dispatcher maps it onto the schema.</summary>
internal sealed record SubmitInput(string Prompt, Uri? Image, bool? EnableBase64Output, bool? EnableSyncMode, Uri? Webhook);
