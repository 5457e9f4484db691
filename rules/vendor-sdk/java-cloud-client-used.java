import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import com.google.firebase.messaging.FirebaseMessaging;

public class FileService {
    private final S3Client s3Client;
    private final FirebaseMessaging firebaseMessaging;
    private final HttpGateway gateway;
    private final FileRepository files;
    private final S3Client archive = S3Client.builder().build();

    public FileService(S3Client s3Client, FirebaseMessaging firebaseMessaging, HttpGateway gateway, FileRepository files) {
        this.s3Client = s3Client;
        this.firebaseMessaging = firebaseMessaging;
        this.gateway = gateway;
        this.files = files;
    }

    public void upload(String key, byte[] data) {
        s3Client.putObject(PutObjectRequest.builder().key(key).build(), RequestBody.fromBytes(data));
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/java-cloud-client-used
        this.firebaseMessaging.send(Message.builder().setTopic("files").build());
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/java-cloud-client-used
        // ok: the app's own gateway and repository, not an SDK client
        gateway.notify(key);
        files.save(key);
        // ok: a local variable, not an injected client
        S3Client local = build();
        local.listBuckets();
        // ok: built where declared, reported by vendor-sdk/java-cloud-sdk
        archive.putObject(PutObjectRequest.builder().key(key).build(), RequestBody.fromBytes(data));
    }
}
