import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES } from '../../common/constants';

export class CreateUserDto {
  @IsEmail()
  email: string;

  @IsString()
  @MaxLength(120)
  name: string;

  @IsOptional()
  @IsIn(Object.values(ROLES))
  role?: string;
}

export class UpdateUserDto {
  @IsOptional()
  @IsString()
  @MaxLength(120)
  name?: string;

  @IsOptional()
  @IsIn(Object.values(ROLES))
  role?: string;
}
