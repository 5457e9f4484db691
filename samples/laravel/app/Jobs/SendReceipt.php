<?php

namespace App\Jobs;

use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;

class SendReceipt implements ShouldQueue
{
    use Dispatchable;

    public function __construct(public $user)
    {
    }

    public function handle()
    {
        mail($this->user->email, 'Receipt', 'Thanks');
    }
}
