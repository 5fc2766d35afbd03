namespace PhotonSdk.Emulator;

/// <summary>The encoding of the images the emulator renders for completed predictions.</summary>
public enum EmulatorImageFormat
{
    /// <summary>PNG, served as <c>image/png</c>.</summary>
    Png = 0,

    /// <summary>JPEG, served as <c>image/jpeg</c>.</summary>
    Jpeg,
}
