import com.google.firebase.FirebaseApp;
import software.amazon.awssdk.services.s3.S3Client;

class Storage {
    private final S3Client s3 = S3Client.builder().build();
//                              ^^^^^^^^^^^^^^^^^^ vendor-sdk/java-cloud-sdk

    void put(String key) {
        // ok: using the client
        s3.putObject(b -> b.key(key), RequestBody.empty());
    }
}

class Pusher {
    private final FirebaseMessaging messaging;

    Pusher(FirebaseOptions options) {
        messaging = FirebaseMessaging.getInstance(FirebaseApp.initializeApp(options, "push"));
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/java-cloud-sdk
//                                                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/java-cloud-sdk
    }

    void send(MulticastMessage message) {
        // ok: using the client
        messaging.sendEachForMulticast(message);
        // ok: a project class named like Firebase's, called another way
        FirebaseTokens.load();
    }
}
