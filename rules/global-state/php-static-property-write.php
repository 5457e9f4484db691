<?php
class Tokens {
    private static array $seen = [];
    private static int $count = 0;
    // ok: a static declared with its value is no write
    const LIMIT = 10;

    public function handle($request) {
        self::$seen[$request->token] = true;
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/php-static-property-write
        static::$count++;
//      ^^^^^^^^^^^^^^^^ global-state/php-static-property-write
        // ok: an instance property
        $this->last = $request->token;
        // ok: a read
        $n = self::$count;
    }
}
