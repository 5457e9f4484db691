package media

import (
	"context"
	"strings"

	"cloud.google.com/go/storage"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type Store struct{ client *s3.Client }

func New(ctx context.Context) *Store {
	cfg, _ := config.LoadDefaultConfig(ctx)
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/go-cloud-sdk
	return &Store{client: s3.NewFromConfig(cfg)}
//                      ^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/go-cloud-sdk
}

func (s *Store) Put(ctx context.Context, key string) {
	s.client.PutObject(ctx, &s3.PutObjectInput{Key: &key})
//                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/go-cloud-sdk
	gcs, _ := storage.NewClient(ctx)
//          ^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/go-cloud-sdk
	_ = gcs
	// ok: the standard library
	_ = strings.ToLower(key)
}
