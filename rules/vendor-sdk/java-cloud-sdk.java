import software.amazon.awssdk.services.s3.S3Client;

class Storage {
    private final S3Client s3 = S3Client.builder().build();
//                              ^^^^^^^^^^^^^^^^^^ vendor-sdk/java-cloud-sdk

    void put(String key) {
        // ok: using the client
        s3.putObject(b -> b.key(key), RequestBody.empty());
    }
}
