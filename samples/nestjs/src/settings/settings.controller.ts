import { BadRequestException, Body, Controller, Get, Put, Req } from '@nestjs/common';
import { Request } from 'express';
import { SUPPORTED_LOCALES } from '../common/constants';

// Preferences live in the signed `prefs` cookie (cookie-session, see main.ts).
@Controller('settings')
export class SettingsController {
  @Get('locale')
  getLocale(@Req() req: Request) {
    return { locale: req.session?.locale ?? 'en' };
  }

  @Put('locale')
  setLocale(@Req() req: Request, @Body('locale') locale: string) {
    if (!(SUPPORTED_LOCALES as readonly string[]).includes(locale)) {
      throw new BadRequestException(`unsupported locale ${locale}`);
    }
    req.session.locale = locale;
    return { locale };
  }
}
