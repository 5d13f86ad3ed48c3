using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using QRCoder;

namespace Jianfu.Platform.Web;

/// <summary>A poster's QR code, as inline SVG (prints sharp at any size, no image file to serve), and the token it carries.</summary>
public static class QrCode
{
    /// <summary>A poster's token: 128 random bits, URL-safe — never a sequential id, so no poster can be guessed from another.</summary>
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(10);
    }
}
