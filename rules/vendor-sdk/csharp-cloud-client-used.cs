public class OrdersController : ControllerBase
{
    private readonly IAmazonS3 _s3;
    private readonly BlobContainerClient _invoices;
    private readonly IOrderStore _orders;

    public OrdersController(IAmazonS3 s3, BlobContainerClient invoices, IOrderStore orders)
    {
        _s3 = s3;
        // ok: the constructor
        _invoices = invoices;
        _invoices.CreateIfNotExists();
        _orders = orders;
    }

    public IActionResult Invoice(int id)
    {
        var url = _s3.GetPreSignedURL(new GetPreSignedUrlRequest { Key = $"{id}.pdf" });
//                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/csharp-cloud-client-used
        this._invoices.DeleteBlobIfExists($"{id}.pdf");
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/csharp-cloud-client-used
        // ok: the app's own service
        _orders.Find(id);
        return Redirect(url);
    }
}
