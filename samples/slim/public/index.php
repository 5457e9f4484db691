<?php

use App\Action\ExportNotesAction;
use App\Action\NoteController;
use App\Middleware\RateLimit;
use Psr\Http\Message\ResponseInterface as Response;
use Psr\Http\Message\ServerRequestInterface as Request;
use Slim\Factory\AppFactory;
use Slim\Routing\RouteCollectorProxy;

require __DIR__ . '/../vendor/autoload.php';

session_start();

$app = AppFactory::create();

$app->get('/', function (Request $request, Response $response) {
    $response->getBody()->write('notes');
    return $response;
});

$app->group('/api', function (RouteCollectorProxy $group) {
    $group->get('/notes', [NoteController::class, 'list']);
    $group->post('/notes', [NoteController::class, 'create']);
    $group->get('/notes/{id}', 'App\Action\NoteController:show');
    $group->group('/admin', function (RouteCollectorProxy $admin) {
        $admin->post('/export', ExportNotesAction::class);
    });
});

$app->add(new RateLimit());

$app->run();
