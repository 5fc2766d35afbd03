namespace PhotonSdk.Emulator.Predictions;

/// <summary>Why a request's input was refused: the task code (1400 missing, 1401 invalid) and a message naming the field.</summary>
internal sealed record InputProblem(int TaskCode, string Message);
