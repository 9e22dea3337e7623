import { chromium } from 'playwright-core';
const B='http://127.0.0.1:8399';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [u, grant] of [['/zh/news/shangli-gaoduan-yiliao-qixie-zhongxin',true],['/zh/news/shangli-gaoduan-yiliao-qixie-zhongxin',false],['/news/usst-medical-equipment-centre',true]]) {
const ctx = await browser.newContext({ viewport:{width:390,height:844} });
if (grant) await ctx.grantPermissions(['clipboard-read','clipboard-write'], {origin:B});
const page = await ctx.newPage();
page.on('pageerror', e=>console.log('PAGEERR', e.message));
await page.goto(B+u,{waitUntil:'load'});
await page.keyboard.press('Shift'); await page.waitForFunction(()=>document.documentElement.dataset.app==='hydrated');
await page.locator('.speech__copy').nth(1).focus();
await page.keyboard.press('Enter');
const snaps=[];
for (let i=0;i<6;i++){ await page.waitForTimeout(250); snaps.push(await page.evaluate(()=>({btn:document.querySelectorAll('.speech__copy')[1].innerText, live:[...document.querySelectorAll('[aria-live],[role=status],[role=alert]')].map(x=>x.textContent.trim()).filter(Boolean), focus:document.activeElement.tagName+':'+document.activeElement.innerText?.slice(0,20)}))); }
console.log(u, grant, JSON.stringify(snaps));
if (grant) console.log(' clip:', await page.evaluate(()=>navigator.clipboard.readText().catch(e=>'ERR '+e)));
await page.screenshot({path:`/tmp/qaZ/shots/copy-${grant}-${u.startsWith('/zh')?'zh':'en'}.png`});
await ctx.close();
}
await browser.close();
