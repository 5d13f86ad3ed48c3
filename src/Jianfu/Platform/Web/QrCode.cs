using QRCoder;

namespace Jianfu.Platform.Web;

/// <summary>A QR code for a poster, as inline SVG (prints sharp at any size, no image file to serve).</summary>
public static class QrCode
{
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(10);
    }
}
