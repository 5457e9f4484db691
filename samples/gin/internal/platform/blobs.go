// Package platform wraps the cloud services the shop uses.
package platform

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// BlobStore keeps files in S3.
type BlobStore struct {
	client *s3.Client
	bucket string
}

// NewBlobStore builds the store once, at start-up.
func NewBlobStore(ctx context.Context, bucket string) (*BlobStore, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	return &BlobStore{client: s3.NewFromConfig(cfg), bucket: bucket}, nil
}

// Link presigns a download link.
func (b *BlobStore) Link(ctx context.Context, key string) (string, error) {
	presigner := s3.NewPresignClient(b.client)
	req, err := presigner.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: &b.bucket, Key: &key}, s3.WithPresignExpires(15*time.Minute))
	if err != nil {
		return "", err
	}
	return req.URL, nil
}
