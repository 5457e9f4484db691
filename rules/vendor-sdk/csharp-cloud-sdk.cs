public class InvoicesController : ControllerBase
{
    public async Task<IActionResult> Upload(IFormFile file)
    {
        using var s3 = new AmazonS3Client(RegionEndpoint.EUWest1);
//                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/csharp-cloud-sdk
        var blobs = new BlobServiceClient(_connectionString);
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/csharp-cloud-sdk
        var gcs = await StorageClient.CreateAsync();
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/csharp-cloud-sdk
        // ok: the app's own client class
        var erp = new ErpClient(_http);
        return Ok();
    }
}

// ok: registered once at start-up, outside any function
builder.Services.AddSingleton<IAmazonS3>(new AmazonS3Client());
