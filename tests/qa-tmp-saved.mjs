import { chromium } from 'playwright-core';
const B='http://127.0.0.1:8399';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport:{width:390,height:844} });
const page = await ctx.newPage();
page.on('pageerror', e=>console.log('PAGEERR', e.message));
const hyd = async()=>{ await page.keyboard.press('Shift'); await page.waitForFunction(()=>document.documentElement.dataset.app==='hydrated',null,{timeout:10000}).catch(()=>console.log('nohyd')); };
for (const u of ['/zh/','/zh/news/5g-shiyanshi-jiepai-qiyong','/news/usst-library-reopens-after-renovation','/zh/news/shangli-gaoduan-yiliao-qixie-zhongxin']) {
  await page.goto(B+u,{waitUntil:'load'}); await hyd(); await page.waitForTimeout(1500);
  console.log(u, await page.evaluate(()=>navigator.serviceWorker && navigator.serviceWorker.controller ? 'sw-controlled':'no-sw'));
}
for (const u of ['/zh/saved','/saved']) {
  await page.goto(B+u,{waitUntil:'load'}); await hyd(); await page.waitForTimeout(1500);
  console.log(u, await page.locator('main').ariaSnapshot());
  console.log(await page.evaluate(()=>[...document.querySelectorAll('#saved-list [lang]')].map(e=>e.tagName+':'+e.lang+':'+e.textContent.slice(0,30))));
  await page.screenshot({path:`/tmp/qaZ/shots/saved-${u.replace(/\W/g,'')}-390.png`, fullPage:true});
}
await browser.close();
