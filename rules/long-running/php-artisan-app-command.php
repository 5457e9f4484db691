<?php
class PurgeOtpLog extends Command
{
    public $signature = 'app:purge-otp-log {--days=30 : how old}';
//         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/php-artisan-app-command
    // ok: no signature
    protected $description = 'Purge the old OTP log';
    // ok: no command name
    protected $signature2 = null;
}
