<?php

namespace App\Services;

use Aws\S3\S3Client;
use Illuminate\Support\Facades\Cache;

class InvoiceService
{
    const TEMPLATE = 'invoice';

    public function render($id)
    {
        $s3 = new S3Client(['region' => 'eu-west-1', 'version' => 'latest']);
        $s3->putObject(['Bucket' => 'invoices', 'Key' => "{$id}.pdf", 'Body' => 'pdf']);
        return ['id' => $id, 'template' => self::TEMPLATE];
    }

    public function cached($id)
    {
        return Cache::remember("invoice:{$id}", 60, fn () => $this->render($id));
    }
}
